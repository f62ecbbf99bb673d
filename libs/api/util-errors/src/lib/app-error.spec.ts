import { AppError, ConflictError, UnauthenticatedError, ValidationError } from './app-error';

describe('AppError', () => {
  it('when a validation error is built, then it carries 400, its code and the field messages', () => {
    const error = new ValidationError('编号不能为空', { code: '必填' });

    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual({ code: '必填' });
    expect(error.name).toBe('ValidationError');
  });

  it('when a conflict or a missing session is raised, then the statuses are 409 and 401', () => {
    expect(new ConflictError('x').status).toBe(409);
    expect(new UnauthenticatedError().status).toBe(401);
  });
});
