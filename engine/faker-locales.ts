// The two faker locales LiveLab draws from, loaded through faker's per-locale entry points. Importing
// '@faker-js/faker' itself loads every one of its ~70 locales: ~550 ms at each process and each worker
// thread start, more than the whole catalog and audience take to build. The en and zh_CN entries take
// ~75 ms. Each exports a ready-made instance whose definitions are the merged [en, base] and
// [zh_CN, en, base] that LiveLab used to assemble itself (checked in faker-locales.test.ts); LiveLab
// builds its own seeded instances from those definitions and the instance's class.
import type { Faker as FakerClass, LocaleDefinition, Randomizer } from '@faker-js/faker';
import { faker as en } from '@faker-js/faker/locale/en';
import { faker as zhCN } from '@faker-js/faker/locale/zh_CN';

/** en, falling back to base */
export const EN_LOCALE: LocaleDefinition = en.rawDefinitions;
/** zh_CN, falling back to en, then base */
export const ZH_CN_LOCALE: LocaleDefinition = zhCN.rawDefinitions;

const Faker = en.constructor as typeof FakerClass;

export function newFaker(locale: LocaleDefinition, randomizer?: Randomizer): FakerClass {
  return new Faker(randomizer === undefined ? { locale } : { locale, randomizer });
}
