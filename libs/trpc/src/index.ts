export * from './app-router';
export * from './mount';
export * from './context';
export { signInInput } from './routers/auth.router';
export {
  createCompanyInput,
  listCompaniesInput,
} from './routers/companies.router';
