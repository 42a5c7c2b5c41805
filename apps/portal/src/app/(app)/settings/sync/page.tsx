import type { Metadata } from 'next';
import { ClientSyncSettings } from './client-sync-settings';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sync settings' };

export default function SyncSettingsPage() {
  return <ClientSyncSettings />;
}
