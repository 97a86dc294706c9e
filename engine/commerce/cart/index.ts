export { addToCart, removeFromCart, cartOf, clearCart, type Cart, type Carts } from './cart.ts';
