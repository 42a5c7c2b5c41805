import type { PushOption, PushOptionChoice } from '@ledgerlink/models';
import { commodityToCurrency } from './hledger.mapping';
import { MAX_DECIMAL_PLACES } from './hledger.write';

/** The PushOption for creating a journal entry, built from the journal's accounts and commodities. */
export function journalEntryCreateOption(accountNames: string[], commodities: string[]): PushOption {
  const accountChoices: PushOptionChoice[] = accountNames.map((name) => ({
    value: name,
    type: 'String',
    displayName: name,
    required: false,
  }));
  const currencyChoices: PushOptionChoice[] = commodities.map((c) => {
    const iso = commodityToCurrency(c);
    return {
      value: iso ?? c,
      type: 'String',
      displayName: iso && iso !== c ? `${c} (${iso})` : c,
      required: false,
    };
  });
  return {
    type: 'Object',
    displayName: 'Journal entry',
    description: 'A balanced hledger transaction, appended to the journal with hledger-web (PUT /add).',
    required: true,
    properties: {
      postedOn: {
        type: 'DateTime',
        displayName: 'Posted on',
        description: 'The transaction date. Only the date part is used (written as YYYY-MM-DD, no time zone shift).',
        required: true,
      },
      description: {
        type: 'String',
        displayName: 'Description',
        description: 'The transaction description (hledger: "payee | note"). Must not contain ";" or line breaks.',
        required: false,
        validation: { warnings: [{ field: 'description', details: 'Must not contain ";" or line breaks.' }] },
      },
      journalLines: {
        type: 'Array',
        displayName: 'Journal lines',
        description: 'The postings: at least two, and the debits (positive) must equal the credits (negative) per currency.',
        required: true,
        validation: {
          information: [
            { field: 'journalLines', details: 'The sum of netAmount must be exactly zero; an unbalanced entry is refused and nothing is written.' },
          ],
        },
        properties: {
          netAmount: {
            type: 'Number',
            displayName: 'Net amount',
            description: `Debit positive, credit negative; at most ${MAX_DECIMAL_PLACES} decimal places.`,
            required: true,
          },
          accountRef: {
            type: 'Object',
            displayName: 'Account',
            description: 'The account posted to.',
            required: true,
            properties: {
              id: {
                type: 'String',
                displayName: 'Account id',
                description: 'The full hledger account name, e.g. assets:bank. Must be an account of the journal.',
                required: true,
                options: accountChoices,
              },
            },
          },
          description: {
            type: 'String',
            displayName: 'Line description',
            description: 'Written as the posting comment. No line breaks, no "date:" tag.',
            required: false,
          },
          currency: {
            type: 'String',
            displayName: 'Currency',
            description:
              commodities.length > 1
                ? 'The commodity of the amount; required because the journal has several.'
                : `The commodity of the amount; defaults to ${commodities[0] ?? 'none (plain numbers)'}.`,
            required: commodities.length > 1,
            options: currencyChoices,
          },
        },
      },
    },
  };
}
