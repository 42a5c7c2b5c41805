module.exports = {
  displayName: 'models',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/models',
};
