import { isDomainError } from '@xb/domain';
import { findRoute } from './command-routes';
import { headerChoiceOf } from './header-choice';

describe('the handling code and evaluation an officer chooses in a command body', () => {
  it('are taken out of the data into the choice', () => {
    const handling = {
      dissemination: 'receiving_agency',
      evidentialUse: 'intelligence_only',
      conditions: 'No copies',
    };
    expect(
      headerChoiceOf({ title: 't', handling, evaluation: { source: 'b', information: 'corroborated' } }),
    ).toEqual({
      data: { title: 't' },
      choice: { handling, evaluation: { source: 'b', information: 'corroborated' } },
    });
  });

  it('are optional: the message kind’s defaults apply', () => {
    expect(headerChoiceOf({ title: 't' })).toEqual({ data: { title: 't' }, choice: {} });
  });

  it.each([
    [{ handling: 'H2' }, ['handling']],
    [{ handling: { dissemination: 'everyone', evidentialUse: 'permitted' } }, ['handling.dissemination']],
    [{ handling: { dissemination: 'law_enforcement' } }, ['handling.evidentialUse']],
    [
      { handling: { dissemination: 'law_enforcement', evidentialUse: 'permitted', conditions: ' ' } },
      ['handling.conditions'],
    ],
    [{ evaluation: { source: 'z', information: 'true' } }, ['evaluation.source', 'evaluation.information']],
  ])('%j is refused, naming %j', (body, fields) => {
    const result = headerChoiceOf(body);
    expect(
      isDomainError(result) && { code: result.code, fields: result.fields, field: result.field },
    ).toEqual({
      code: 'VALIDATION_FAILED',
      fields,
      field: fields[0],
    });
  });
});

describe('who passes a notice on, asks and grants', () => {
  it.each([
    ['notices', 'forward'],
    ['notices', 'dissemination-requests'],
    ['notices', 'dissemination-answers'],
  ])('%s/%s: liaison officers only', (resource, action) => {
    expect(findRoute(resource, action)?.roles).toEqual(['liaison_officer']);
  });
});
