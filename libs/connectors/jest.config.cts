module.exports = {
  displayName: 'connectors',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/connectors',
};
