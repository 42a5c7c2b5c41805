import { trpc } from './trpc';

describe('trpc', () => {
  it('should work', () => {
    expect(trpc()).toEqual('trpc');
  });
});
