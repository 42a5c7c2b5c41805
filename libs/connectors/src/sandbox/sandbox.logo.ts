/** The sandbox connector's logo (our own artwork). */
export const SANDBOX_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="Ledgerlink Sandbox">
  <rect width="64" height="64" rx="12" fill="#f4c542"/>
  <path d="M10 46h44v6H10z" fill="#b8860b"/>
  <path d="M14 46c2-10 8-16 18-16s16 6 18 16z" fill="#e0a800"/>
  <rect x="29" y="12" width="4" height="18" fill="#5a3e00"/>
  <path d="M33 12l12 5-12 5z" fill="#d9381e"/>
</svg>`;
