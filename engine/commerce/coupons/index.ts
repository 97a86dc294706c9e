export { issueCoupon, couponProblem, redeemCoupon, claimCoupon, type Coupon, type CouponBook } from './coupons.ts';
