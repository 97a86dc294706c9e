// Money: the protocol speaks yuan with two decimals; inside commerce every amount is integer fen, so that
// sums (GMV, refunds) are exact whatever the number of orders.
export type Fen = number;

export const toFen = (yuan: number): Fen => Math.round(yuan * 100);
export const toYuan = (fen: Fen): number => fen / 100;
