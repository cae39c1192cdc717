/** An author of an initiative: a name as printed, and the account when the author has one. */
export interface InitiativeAuthor { name: string; userId: string | null }
