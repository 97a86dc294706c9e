import { Faker, base, en, zh_CN } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { EN_LOCALE, ZH_CN_LOCALE, newFaker } from './faker-locales.ts';

describe('faker locales from the per-locale entry points', () => {
  it('are the merged definitions LiveLab assembled from the full package, and draw the same values', () => {
    expect(ZH_CN_LOCALE).toEqual(new Faker({ locale: [zh_CN, en, base] }).rawDefinitions);
    expect(EN_LOCALE).toEqual(new Faker({ locale: [en, base] }).rawDefinitions);
    const mine = newFaker(ZH_CN_LOCALE), full = new Faker({ locale: [zh_CN, en, base] });
    mine.seed(42);
    full.seed(42);
    expect([mine.person.firstName(), mine.location.state(), mine.person.lastName()]).toEqual([full.person.firstName(), full.location.state(), full.person.lastName()]);
  });
});
