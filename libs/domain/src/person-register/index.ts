export * from './person-register';
