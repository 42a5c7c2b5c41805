module.exports = {
  displayName: 'trpc',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/trpc',
};
