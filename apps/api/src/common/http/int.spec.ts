import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppError } from '../errors/app-error';
import { BoundedInt, BoundedIntPipe, INT32_MAX } from './int';

class QueryDto {
  @BoundedInt({ min: 1, optional: true, query: true }) version?: number;
}

class BodyDto {
  @BoundedInt({ max: 100 }) count!: number;
}

const problems = (cls: new () => object, plain: object): string[] => validateSync(plainToInstance(cls, plain)).map((e) => e.property);

describe('BoundedIntPipe', () => {
  const pipe = new BoundedIntPipe('position', 1, INT32_MAX);

  it('should pass decimal integers inside the range as numbers', () => {
    expect(pipe.transform('1')).toBe(1);
    expect(pipe.transform(String(INT32_MAX))).toBe(INT32_MAX);
  });

  it.each(['0', '-1', '2147483648', '99999999999999999999', '2.26e+46', '1.5', '1e3', '0x10', ' 7', '', 'abc'])(
    'should refuse %j with VALIDATION_FAILED',
    (raw) => {
      expect(() => pipe.transform(raw)).toThrow(AppError);
      try {
        pipe.transform(raw);
      } catch (e) {
        expect((e as AppError).code).toBe('VALIDATION_FAILED');
        expect((e as AppError).fields?.[0]?.field).toBe('position');
      }
    },
  );
});

describe('BoundedInt', () => {
  it('should turn a decimal query string into a number and keep it when in range', () => {
    const dto = plainToInstance(QueryDto, { version: '3' });
    expect(dto.version).toBe(3);
    expect(validateSync(dto)).toEqual([]);
  });

  it.each(['2147483648', '2.26e+46', '1.5', '0', 'x'])('should refuse the query value %j', (raw) => {
    expect(problems(QueryDto, { version: raw })).toEqual(['version']);
  });

  it('should accept an absent optional value', () => {
    expect(problems(QueryDto, {})).toEqual([]);
  });

  it.each([101, -1, 2.5, 2.26e46, '5', null])('should refuse the body value %j', (value) => {
    expect(problems(BodyDto, { count: value })).toEqual(['count']);
  });
});
