// Which subcategories go with which: items bought to be worn (or used) together, so that having one in
// the cart makes the other worth more to the buyer. Complementarity between categories in one shopping
// basket is a measured effect (Manchanda, Ansari & Gupta 1999, multicategory purchase incidence; the
// "complete the look" recommendation of fashion retail); which pairs are complements is our reading of
// an outfit: a top or a knit over pants, a coat over anything. Only apparel has pairs so far (no basis
// was chosen for beauty or food). The relation is symmetric; names are 'category.subcategory'.
export const GOES_WITH: readonly (readonly [string, string])[] = [
  ['apparel.top', 'apparel.pants'],
  ['apparel.knitwear', 'apparel.pants'],
  ['apparel.coat', 'apparel.dress'],
  ['apparel.coat', 'apparel.top'],
  ['apparel.coat', 'apparel.knitwear'],
  ['apparel.coat', 'apparel.pants'],
];

/** true when a and b ('category.subcategory') go together; a subcategory does not go with itself */
export function goesWith(a: string, b: string): boolean {
  return GOES_WITH.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}
