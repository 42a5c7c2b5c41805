import { optionsSchema } from './options-schema';

describe('optionsSchema', () => {
  it('should work', () => {
    expect(optionsSchema()).toEqual('options-schema');
  });
});
