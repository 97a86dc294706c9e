// Names, regions and cities through @faker-js/faker. One sampler owns one faker per language, both
// driven by one swappable randomizer: reseeding it per viewer (an sfc32 key, ~20 ns) replaces faker's
// Mersenne Twister, so no faker is ever built per viewer and the identity of (seed, viewer) is stable.
import type { Randomizer } from '@faker-js/faker';
import { EN_LOCALE, ZH_CN_LOCALE, newFaker } from '../../engine/faker-locales.ts';
import { Sfc32, hashString, streamKey, type Rng } from '../../engine/kernel/index.ts';
import type { Lang } from '../../engine/protocol.ts';
import { NEW_TIER1, TIER1, TIER2 } from './cities.ts';
import type { CityTier, Gender } from './types.ts';

// faker calls next() unbound, so both members are arrow functions over a closed-over stream
function streamRandomizer(): Randomizer {
  let rng: Rng = new Sfc32(0);
  return {
    next: () => rng.next(),
    seed: (seed: number | number[]) => {
      rng = new Sfc32(Array.isArray(seed) ? (seed[0] ?? 0) : seed);
    },
  };
}

export interface Identity {
  name: string;
  region: string;
  city: string;
}

const PURPOSE = hashString('persona.identity');

export class IdentitySampler {
  private readonly randomizer = streamRandomizer();
  private readonly zh = newFaker(ZH_CN_LOCALE, this.randomizer);
  private readonly en = newFaker(EN_LOCALE, this.randomizer);

  constructor(private readonly seed: number) {}

  identity(viewer: number, lang: Lang, gender: Gender, tier: CityTier): Identity {
    const f = lang === 'zh' ? this.zh : this.en;
    f.seed(streamKey(this.seed, viewer, PURPOSE));
    // faker's own lastName() and city() expand mustache patterns (~1 µs each); the lists behind them
    // are read directly instead, which gives the same kind of value at a twentieth of the cost
    const d = f.definitions;
    const surname = f.helpers.arrayElement(d.person.last_name.generic ?? d.person.last_name.female!);
    if (lang === 'en') {
      const name = `${f.person.firstName(gender)} ${surname}`;
      return { name, region: f.location.state(), city: f.helpers.arrayElement(d.location.city_name) };
    }
    // zh_CN's name pattern is surname then given name, with no space
    const name = `${surname}${f.person.firstName(gender)}`;
    const list = tier === 1 ? TIER1 : tier === 2 ? NEW_TIER1 : tier === 3 ? TIER2 : null;
    if (list !== null) {
      const [city, region] = f.helpers.arrayElement(list);
      return { name, region, city };
    }
    // zh_CN's city pattern is prefix + suffix (e.g. 贵 + 宁市): synthetic small-town names
    const city = f.helpers.arrayElement(d.location.city_prefix) + f.helpers.arrayElement(d.location.city_suffix);
    return { name, region: f.location.state(), city };
  }
}
