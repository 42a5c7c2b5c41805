/** The Tryton connector's logo: our own drawing (a ledger sheet and a linked ring), not Tryton's artwork. */
export const TRYTON_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="Tryton">
  <rect width="64" height="64" rx="12" fill="#1f5f8b"/>
  <rect x="13" y="12" width="30" height="38" rx="3" fill="#ffffff"/>
  <path d="M18 21h20M18 28h20M18 35h14" stroke="#1f5f8b" stroke-width="3" stroke-linecap="round"/>
  <circle cx="44" cy="44" r="10" fill="none" stroke="#7fd1ae" stroke-width="5"/>
  <path d="M40 44l3 3 5-6" fill="none" stroke="#ffffff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
