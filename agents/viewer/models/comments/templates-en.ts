// English comment templates by intent (same slots as templates-zh.ts).
import type { Templates } from './templates-zh.ts';

export const EN: Templates = {
  sizing: {
    any: ['do you have XL?', 'true to size?', 'does it run small?'],
    apparel: ['what size for {h}?', 'M or L for {h}', 'ok for petite?', 'waist {n}cm, which size', 'is the {p} in XL?'],
  },
  suitability: {
    any: ['good as a gift?', 'ok for students?'],
    beauty: ['ok for sensitive skin?', 'safe during pregnancy?', 'good for oily skin?', 'will it cake on dry skin', 'does the {p} suit warm undertones?'],
    food: ['ok for diabetics?', 'can kids eat it?', 'gluten free?'],
    apparel: ['good for pear shape?', 'flattering on curvy?'],
  },
  price: { any: ['how much?', 'price pls', 'any coupon?', 'cheaper than the store?', 'discount code?', 'how much is the {p}'] },
  shipping: { any: ['when does it ship?', 'free shipping?', 'how long to deliver', 'ship overseas?'] },
  authenticity: { any: ['is it authentic?', 'original or fake?', 'any certificate?'], beauty: ['same as the counter one?'] },
  praise: { any: ['love it', 'so pretty', 'just ordered!', 'bought {n}', 'the {p} looks amazing', 'you look great'] },
  complaint: { any: ['lagging', 'stream keeps freezing', 'video is blurry', 'sound cuts out', 'my last order broke'] },
  spam: { any: ['follow me for free gifts', 'dm for deals {n}', 'cheap followers link in bio', 'earn {n}/day from home'] },
  other: { any: ['hi everyone', 'first time here', 'what did i miss', 'giveaway when?', 'hello from the uk'] },
};

export const EN_NOUNS: readonly string[] = [
  'lipstick', 'palette', 'foundation', 'serum', 'mask', 'sunscreen',
  'snacks', 'gift box', 'nuts', 'tea', 'noodles',
  'dress', 'top', 'pants', 'coat', 'sweater',
];
