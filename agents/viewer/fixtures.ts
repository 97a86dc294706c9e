// Test fixtures: a hand-set persona whose traits a test can pin down one by one.
import { INTEREST_SIZE, type Persona } from '../personas/index.ts';

export function fixturePersona(over: Partial<Persona> = {}): Persona {
  return {
    id: 1, segment: 'fixture', lang: 'zh', name: '测试', ageBand: '25-30', gender: 'female', region: '浙江省', city: '杭州',
    cityTier: 2, device: 'android-high', network: '4g', budgetMonthly: 3000, priceSensitivity: 1, priceExponent: 1,
    interests: new Float32Array(INTEREST_SIZE), decisionCycle: 0.5, patienceZ: 0, chattiness: 1, follower: false,
    stayMinutes: 10, spammer: false,
    ...over,
  };
}
