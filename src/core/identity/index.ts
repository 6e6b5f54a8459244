export { foldText, slugify, tidyName } from './fold';
export { AuthorRegistry, authorKey, type AuthorIdentity } from './authors';
export { parseName, namesCompatible, isAbbreviated, nameSignature, type NameParts } from './names';
export { resolveAffiliation, affiliationNameFromSlug, type AffiliationIdentity } from './affiliations';
export { categoryName } from './categories';
