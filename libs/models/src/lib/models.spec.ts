import { models } from './models';

describe('models', () => {
  it('should work', () => {
    expect(models()).toEqual('models');
  });
});
