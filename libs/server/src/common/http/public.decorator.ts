import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'ledgerlink:public';
/** Marks a route that needs no API key (health, metrics, docs, logos, the hosted link flow). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
