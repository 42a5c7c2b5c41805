/** The GnuCash connector's logo (our own artwork: a ledger book with a linked coin). */
export const GNUCASH_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="GnuCash">
  <rect width="64" height="64" rx="12" fill="#2e7d32"/>
  <rect x="12" y="12" width="30" height="40" rx="3" fill="#f1f8e9"/>
  <rect x="12" y="12" width="6" height="40" rx="2" fill="#a5d6a7"/>
  <path d="M22 22h14M22 28h14M22 34h10" stroke="#2e7d32" stroke-width="2.5" stroke-linecap="round"/>
  <circle cx="44" cy="42" r="11" fill="#fbc02d" stroke="#f1f8e9" stroke-width="2.5"/>
  <path d="M44 36v12M40.5 39.5c0-1.7 1.6-2.5 3.5-2.5s3.5 1 3.5 2.5-1.6 2.2-3.5 2.5-3.5 1-3.5 2.6 1.6 2.4 3.5 2.4 3.5-.8 3.5-2.5" fill="none" stroke="#5d4037" stroke-width="1.8" stroke-linecap="round"/>
</svg>`;
