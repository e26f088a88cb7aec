import { tokenizeUsql } from './lexer';

describe('tokenizeUsql', () => {
  it('classifies tokens with 1-based positions for highlighting', () => {
    const tokens = tokenizeUsql("SELECT COUNT(*), useraction.stringProperties.utm.source\nFROM usersession WHERE x = 'it''s' AND t > $NOW");
    expect(tokens.map((t) => [t.kind, t.value])).toEqual([
      ['keyword', 'SELECT'],
      ['function', 'COUNT'],
      ['punctuation', '('],
      ['operator', '*'],
      ['punctuation', ')'],
      ['punctuation', ','],
      ['identifier', 'useraction.stringProperties.utm.source'],
      ['keyword', 'FROM'],
      ['identifier', 'usersession'],
      ['keyword', 'WHERE'],
      ['identifier', 'x'],
      ['operator', '='],
      ['string', "it's"],
      ['keyword', 'AND'],
      ['identifier', 't'],
      ['operator', '>'],
      ['variable', '$NOW'],
      ['eof', ''],
    ]);
    const from = tokens.find((t) => t.value === 'FROM');
    expect(from).toMatchObject({ line: 2, column: 1 });
  });

  it('never throws on half-typed input', () => {
    const tokens = tokenizeUsql("SELECT 'open ; #");
    expect(tokens.map((t) => t.kind)).toEqual(['keyword', 'error', 'eof']);
    expect(tokenizeUsql('a ; b').map((t) => t.kind)).toEqual(['identifier', 'error', 'identifier', 'eof']);
  });

  it('reads numbers and useraction.*', () => {
    expect(tokenizeUsql('1.5e3 .5 useraction.*').map((t) => t.text)).toEqual(['1.5e3', '.5', 'useraction', '.', '*', '']);
  });
});
