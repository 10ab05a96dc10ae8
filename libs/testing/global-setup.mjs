import { writeCjsCopies } from './jest-esm-packages.mjs';

export default async function globalSetup() {
  writeCjsCopies();
}
