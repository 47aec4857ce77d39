/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ClientList($search: String, $first: Int!, $after: String) {\n  clients(search: $search, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      cursor\n      node {\n        id\n        displayName\n        dateOfBirth\n        series {\n          id\n          status\n        }\n      }\n    }\n  }\n}": typeof types.ClientListDocument,
    "query ClientSeries($id: ID!) {\n  client(id: $id) {\n    id\n    displayName\n    dateOfBirth\n    sex\n    series {\n      id\n      conditionCode\n      status\n      startDate\n      endDate\n      plannedSessions\n      condition {\n        name\n      }\n    }\n  }\n}": typeof types.ClientSeriesDocument,
    "query SeriesMeasureChart($seriesId: ID!, $measureCode: String!) {\n  series(id: $seriesId) {\n    id\n    status\n    startDate\n    condition {\n      name\n    }\n    sessions {\n      id\n      startedAt\n      attendance\n    }\n    observations(measureCode: $measureCode) {\n      id\n      sessionId\n      context\n      regionCode\n      side\n      value\n      takenAt\n    }\n  }\n  measures {\n    code\n    name\n    kind\n    unit\n    unitLabel\n    min\n    max\n    decimals\n    direction\n    mcid\n  }\n  bodyRegions {\n    code\n    name\n  }\n}": typeof types.SeriesMeasureChartDocument,
    "mutation SignIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    role\n    expiresAt\n  }\n}\n\nmutation SignOut {\n  signOut\n}": typeof types.SignInDocument,
    "query Viewer {\n  viewer {\n    therapist {\n      id\n      givenName\n      familyName\n    }\n    clinic {\n      id\n      name\n      timeZone\n    }\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "query ClientList($search: String, $first: Int!, $after: String) {\n  clients(search: $search, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      cursor\n      node {\n        id\n        displayName\n        dateOfBirth\n        series {\n          id\n          status\n        }\n      }\n    }\n  }\n}": types.ClientListDocument,
    "query ClientSeries($id: ID!) {\n  client(id: $id) {\n    id\n    displayName\n    dateOfBirth\n    sex\n    series {\n      id\n      conditionCode\n      status\n      startDate\n      endDate\n      plannedSessions\n      condition {\n        name\n      }\n    }\n  }\n}": types.ClientSeriesDocument,
    "query SeriesMeasureChart($seriesId: ID!, $measureCode: String!) {\n  series(id: $seriesId) {\n    id\n    status\n    startDate\n    condition {\n      name\n    }\n    sessions {\n      id\n      startedAt\n      attendance\n    }\n    observations(measureCode: $measureCode) {\n      id\n      sessionId\n      context\n      regionCode\n      side\n      value\n      takenAt\n    }\n  }\n  measures {\n    code\n    name\n    kind\n    unit\n    unitLabel\n    min\n    max\n    decimals\n    direction\n    mcid\n  }\n  bodyRegions {\n    code\n    name\n  }\n}": types.SeriesMeasureChartDocument,
    "mutation SignIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    role\n    expiresAt\n  }\n}\n\nmutation SignOut {\n  signOut\n}": types.SignInDocument,
    "query Viewer {\n  viewer {\n    therapist {\n      id\n      givenName\n      familyName\n    }\n    clinic {\n      id\n      name\n      timeZone\n    }\n  }\n}": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClientList($search: String, $first: Int!, $after: String) {\n  clients(search: $search, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      cursor\n      node {\n        id\n        displayName\n        dateOfBirth\n        series {\n          id\n          status\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').ClientListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClientSeries($id: ID!) {\n  client(id: $id) {\n    id\n    displayName\n    dateOfBirth\n    sex\n    series {\n      id\n      conditionCode\n      status\n      startDate\n      endDate\n      plannedSessions\n      condition {\n        name\n      }\n    }\n  }\n}"): typeof import('./graphql').ClientSeriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SeriesMeasureChart($seriesId: ID!, $measureCode: String!) {\n  series(id: $seriesId) {\n    id\n    status\n    startDate\n    condition {\n      name\n    }\n    sessions {\n      id\n      startedAt\n      attendance\n    }\n    observations(measureCode: $measureCode) {\n      id\n      sessionId\n      context\n      regionCode\n      side\n      value\n      takenAt\n    }\n  }\n  measures {\n    code\n    name\n    kind\n    unit\n    unitLabel\n    min\n    max\n    decimals\n    direction\n    mcid\n  }\n  bodyRegions {\n    code\n    name\n  }\n}"): typeof import('./graphql').SeriesMeasureChartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    role\n    expiresAt\n  }\n}\n\nmutation SignOut {\n  signOut\n}"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    therapist {\n      id\n      givenName\n      familyName\n    }\n    clinic {\n      id\n      name\n      timeZone\n    }\n  }\n}"): typeof import('./graphql').ViewerDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
