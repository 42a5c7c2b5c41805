'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** Only pages that exist. */
const LINKS = [
  { href: '/companies', label: 'Companies' },
  { href: '/webhooks', label: 'Webhooks' },
  { href: '/settings/sync', label: 'Sync settings' },
];

export function NavLinks() {
  const pathname = usePathname() ?? '';
  return (
    <nav aria-label="Main" className="mainnav">
      <ul>
        {LINKS.map(({ href, label }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link href={href} aria-current={active ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
