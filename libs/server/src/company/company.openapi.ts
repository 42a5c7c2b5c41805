/** Response schemas for the OpenAPI document (contract sections 2 and 3). */
export const CONNECTION_SCHEMA = {
  type: 'object',
  required: ['id', 'integrationId', 'sourceId', 'sourceType', 'platformName', 'linkUrl', 'status', 'created'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    integrationId: { type: 'string', format: 'uuid' },
    integrationKey: { type: 'string' },
    sourceId: { type: 'string', format: 'uuid' },
    sourceType: { type: 'string', enum: ['Accounting', 'Banking', 'BankFeed', 'Commerce', 'Expense', 'Other', 'Unknown'] },
    platformName: { type: 'string' },
    linkUrl: { type: 'string', format: 'uri' },
    status: { type: 'string', enum: ['PendingAuth', 'Linked', 'Unlinked', 'Deauthorized'] },
    lastSync: { type: 'string', format: 'date-time' },
    created: { type: 'string', format: 'date-time' },
    dataConnectionErrors: { type: 'array', items: { type: 'object' } },
    connectionInfo: { type: 'object', additionalProperties: true },
  },
};

export const COMPANY_SCHEMA = {
  type: 'object',
  required: ['id', 'name', 'redirect'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    description: { type: 'string' },
    redirect: { type: 'string', format: 'uri', description: "The company's hosted link URL in the portal." },
    lastSync: { type: 'string', format: 'date-time' },
    created: { type: 'string', format: 'date-time' },
    createdByUserName: { type: 'string', nullable: true },
    products: { type: 'array', items: { type: 'string' } },
    tags: { type: 'object', additionalProperties: { type: 'string' } },
    dataConnections: { type: 'array', items: CONNECTION_SCHEMA },
    referenceSubsidiaryCompanies: { type: 'array', items: { type: 'object' } },
    status: { type: 'string', enum: ['Blank', 'PendingAuth', 'Linked', 'Deauthorised'], description: 'Ledgerlink extension: the link status derived from connections.' },
  },
};
