// Scalars from graphql-scalars: the same names every GraphQL client knows.
export { DateTimeResolver as DateTime, DateResolver as Date, URLResolver as URL } from 'graphql-scalars';
