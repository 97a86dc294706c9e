// The live room's services behind one router (room, commerce, marketing), shared by `livelab serve` and
// any runtime that wants the stack without re-deriving who handles what. The only door into engine/stack.
export { StackHost, isCommerceInput, type StackConfig, type StackHooks, type StackOutbound, type StackSummary, type CommerceInput } from './stack.ts';
