// The project root, wherever the code runs from (src/ under ts-jest, dist/ compiled): one finder.
export { projectRoot } from './reference/paths';
