// Viewer profiles from events only: behaviour, decayed interests, spending, decision cycle.
export { ProfileStore, BEHAVIOURS, type Behaviour, type ProfileParams } from './profile-store.ts';
export { InterestVectors } from './interest.ts';
