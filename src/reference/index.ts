export { loadCountries, loadCountryAdditions, findCountry, findCountryCode, type CountryRef } from './countries';
export { loadTopics, loadNeutralPhrases, compileCue, type TopicRef } from './topics';
export { loadRoles, type RoleVocabulary, type RolePhrase } from './roles';
export { loadInitiatives, loadInitiativePatterns, type InitiativeRef } from './initiatives';
export { loadCities, findCityCountry, type CityRef } from './cities';
export { loadBoilerplate, type Boilerplate, type SourceRef } from './boilerplate';
export { projectRoot } from './paths';
export { loadMeetingVocabulary, type MeetingVocabulary } from './meetings';
export { loadMinistryNames } from './ministries';
