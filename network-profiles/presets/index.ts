// The shipped profiles: Chrome presets, the MMSys'20 challenge patterns, the audience families.
export * from './chrome.ts';
export * from './mmsys20.ts';
export * from './families.ts';
