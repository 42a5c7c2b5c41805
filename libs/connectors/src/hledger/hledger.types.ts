/** The parts of hledger-web 1.25's JSON API that the connector uses (see accounting-peers.md §2.3). */

export interface HledgerQuantity {
  decimalMantissa: number;
  decimalPlaces: number;
  floatingPoint?: number;
}

export interface HledgerAmountStyle {
  ascommodityside: 'L' | 'R';
  ascommodityspaced: boolean;
  /** `null` when the journal never showed a decimal mark for this commodity. */
  asdecimalpoint?: string | null;
  asdigitgroups?: unknown;
  asprecision: number | null;
}

export interface HledgerAmount {
  acommodity: string;
  aquantity: HledgerQuantity;
  astyle: HledgerAmountStyle;
  aprice?: unknown;
}

export interface HledgerAccount {
  aname: string;
  aparent_?: string;
  asubs_?: string[];
  anumpostings?: number;
  /** Own postings only. */
  aebalance: HledgerAmount[];
  /** Including sub-accounts. */
  aibalance: HledgerAmount[];
}

export type HledgerPostingType = 'RegularPosting' | 'VirtualPosting' | 'BalancedVirtualPosting';

export interface HledgerPosting {
  paccount: string;
  pamount: HledgerAmount[];
  pcomment: string;
  pstatus: string;
  ptags: [string, string][];
  ptype: HledgerPostingType;
  pdate?: string | null;
  pdate2?: string | null;
  pbalanceassertion?: unknown;
  poriginal?: unknown;
  ptransaction_?: string;
}

export interface HledgerSourcePos {
  sourceName: string;
  sourceLine: number;
  sourceColumn: number;
}

export interface HledgerTransaction {
  tindex: number;
  tdate: string;
  tdate2: string | null;
  tstatus: 'Unmarked' | 'Pending' | 'Cleared';
  tcode: string;
  tdescription: string;
  tcomment: string;
  ttags: [string, string][];
  tprecedingcomment: string;
  tsourcepos: HledgerSourcePos[];
  tpostings: HledgerPosting[];
}
