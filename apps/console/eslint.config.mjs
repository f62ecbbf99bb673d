import angularConfig from '../../eslint.angular.mjs';

export default [
  ...angularConfig,
  {
    // Karma loads its config with require(); this file is CommonJS on purpose.
    files: ['karma.conf.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly' } },
  },
];
