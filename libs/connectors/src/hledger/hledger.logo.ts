/** The hledger connector's logo (our own artwork: a ledger page whose two columns balance). */
export const HLEDGER_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="hledger">
  <rect width="64" height="64" rx="12" fill="#2e5e4e"/>
  <rect x="12" y="10" width="40" height="44" rx="3" fill="#f6f3e8"/>
  <path d="M32 14v36" stroke="#2e5e4e" stroke-width="2"/>
  <path d="M16 20h12M16 26h10M16 32h12M36 20h12M36 26h12M36 32h8" stroke="#9bb5a8" stroke-width="2" stroke-linecap="round"/>
  <path d="M16 42h32" stroke="#2e5e4e" stroke-width="2"/>
  <path d="M22 46h8M34 46h8M22 49h8M34 49h8" stroke="#d08a2b" stroke-width="2" stroke-linecap="round"/>
</svg>`;
