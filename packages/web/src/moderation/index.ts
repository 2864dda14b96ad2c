// The moderation feature's public entry: what other features may use of it (an organization's
// history offers moderators to undo the merges into it).
export { UndoMerges } from './UndoMerges';
