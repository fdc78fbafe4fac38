// Stub of @aws-amplify/amplify-cli-core (see package.json): the only API the
// DynamoDB simulator touches is pathManager.getAmplifyPackageLibDirPath.
const os = require('node:os');
const path = require('node:path');
module.exports = {
  pathManager: {
    getAmplifyPackageLibDirPath: (name) => path.join(os.tmpdir(), 'amplify-lib', String(name)),
  },
};
