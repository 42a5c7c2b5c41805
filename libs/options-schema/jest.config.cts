module.exports = {
  displayName: 'options-schema',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/options-schema',
};
