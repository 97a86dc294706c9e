export { createInventory, availableOf, take, restock, type Inventory, type StockLine } from './inventory.ts';
