import { Rng } from './random';

const FIRST = ['Amelia', 'Oliver', 'Isla', 'George', 'Ava', 'Noah', 'Mia', 'Arthur', 'Grace', 'Leo', 'Freya', 'Oscar', 'Lily', 'Harry', 'Ella', 'Jack', 'Sophie', 'Theo', 'Ruby', 'Alfie', 'Priya', 'Mohammed', 'Chloe', 'Ethan'];
const LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Wright', 'Robinson', 'Thompson', 'Evans', 'Walker', 'Khan', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Clarke', 'Turner', 'Hill', 'Moore'];
const PLACE = ['Northwind', 'Riverside', 'Oakridge', 'Bramble', 'Kestrel', 'Harbour', 'Summit', 'Greystone', 'Willow', 'Meadow', 'Copper', 'Lantern', 'Ashford', 'Bluebell', 'Foxglove', 'Highgate', 'Juniper', 'Marlow', 'Pennine', 'Thistle', 'Cedar', 'Falcon', 'Granite', 'Orchard'];
const CUSTOMER_TRADE = ['Bakery', 'Dental Practice', 'Architects', 'Gym', 'Cafe', 'Florists', 'Garage', 'Hotel', 'Consulting', 'Design Studio', 'Veterinary Clinic', 'Bookshop', 'Brewery', 'Estate Agents', 'Nursery', 'Opticians'];
const SUPPLIER_TRADE = ['Wholesale', 'Logistics', 'Office Supplies', 'Packaging', 'Print', 'Cleaning Services', 'IT Services', 'Energy', 'Telecom', 'Catering Supplies', 'Timber', 'Insurance Brokers'];
const SUFFIX = ['Ltd', 'Ltd', 'Ltd', 'LLP', 'plc', '& Co', 'Group'];
const CITY: readonly (readonly [string, string])[] = [
  ['London', 'EC1A'], ['Manchester', 'M1'], ['Birmingham', 'B1'], ['Leeds', 'LS1'], ['Bristol', 'BS1'], ['Glasgow', 'G1'],
  ['Edinburgh', 'EH1'], ['Cardiff', 'CF10'], ['Liverpool', 'L1'], ['Newcastle', 'NE1'], ['Nottingham', 'NG1'], ['Sheffield', 'S1'],
];
const STREET = ['High Street', 'Station Road', 'Church Lane', 'Mill Road', 'Park Avenue', 'Victoria Street', 'Queen Street', 'Market Place'];

const { fromCharCode } = String;

export interface Party {
  name: string;
  contactName: string;
  emailAddress: string;
  phone: string;
  line1: string;
  city: string;
  postalCode: string;
}

/** The name of customer or supplier `index`: the first draws of its stream (cheap enough to call per invoice). */
export function partyName(seed: number, salt: number, index: number, supplier: boolean): string {
  const r = new Rng(seed, salt, index);
  return `${r.pick(PLACE)} ${r.pick(supplier ? SUPPLIER_TRADE : CUSTOMER_TRADE)} ${r.pick(SUFFIX)}`;
}

/** A whole party; `name` matches partyName() because the stream starts the same way. */
export function party(r: Rng, supplier: boolean): Party {
  const name = `${r.pick(PLACE)} ${r.pick(supplier ? SUPPLIER_TRADE : CUSTOMER_TRADE)} ${r.pick(SUFFIX)}`;
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const [city, area] = r.pick(CITY);
  const domain = name.toLowerCase().replace(/[^a-z]+/g, '').slice(0, 20);
  return {
    name,
    contactName: `${first} ${last}`,
    emailAddress: `${first.toLowerCase()}.${last.toLowerCase()}@${domain}.example`,
    phone: `+44 20 7946 ${`${r.int(10_000)}`.padStart(4, '0')}`,
    line1: `${r.between(1, 240)} ${r.pick(STREET)}`,
    city,
    postalCode: `${area} ${r.between(1, 9)}${fromCharCode(65 + r.int(26))}${fromCharCode(65 + r.int(26))}`,
  };
}
