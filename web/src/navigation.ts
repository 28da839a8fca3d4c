// Where "back to the search" leads: the last search the reader saw (its URL holds its state).
let lastSearch = '/';

export const rememberSearch = (url: string) => {
  lastSearch = url;
};

export const searchBackLink = () => lastSearch;
