module.exports = {
  displayName: 'testing-peers',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/testing-peers',
};
