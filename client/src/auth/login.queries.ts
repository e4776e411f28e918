import { graphql } from '../generated';

export const LOGIN_MUTATION = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      expiresAt
      user {
        username
        role
      }
    }
  }
`);

export const ME_QUERY = graphql(`
  query Me {
    me {
      username
      role
      scope {
        name
        level
      }
    }
  }
`);
