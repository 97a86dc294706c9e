export { createFlashSales, startFlashSale, liveFlashSale, endFlashSale, dueFlashSales, nextFlashEnd, type FlashSale, type FlashSales } from './flash-sale.ts';
