// Exit codes of the command line contract (PRODUCT.md).
export const EXIT = { done: 0, usage: 1, unreadable: 2, noTables: 3, unwritable: 4 } as const;
