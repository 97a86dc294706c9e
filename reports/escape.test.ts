import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, shellQuote } from './escape.ts';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;', 'tags become text'],
    ['<img src=x onerror="a()">', '&lt;img src=x onerror=&quot;a()&quot;&gt;', 'attribute quotes are escaped'],
    ["O'Neil & 护肤", 'O&#39;Neil &amp; 护肤', 'CJK passes through untouched'],
    [null, '', 'null is empty'],
  ] as [unknown, string, string][])('%j → %j (%s)', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('never leaves a markup character (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => !/[<>"']/.test(escapeHtml(s))));
  });
});

describe('jsonForScript', () => {
  it('round-trips any JSON value and can never close a script block (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (v, s) => {
        const value = { v, s: `</script>${s}<!--` };
        const text = jsonForScript(value);
        expect(text).not.toMatch(/[<>]/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('shellQuote', () => {
  it.each([
    ['scenarios/a.yaml', 'scenarios/a.yaml', 'plain paths stay bare'],
    ['my show.yaml', "'my show.yaml'", 'spaces are quoted'],
    ["it's", "'it'\\''s'", 'single quotes are closed, escaped and reopened'],
    ['$(rm -rf /)', "'$(rm -rf /)'", 'command substitution is inert'],
  ])('%s → %s (%s)', (input, expected) => {
    expect(shellQuote(input)).toBe(expected);
  });
});
