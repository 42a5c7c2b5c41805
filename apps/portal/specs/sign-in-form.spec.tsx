import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Providers } from '../src/app/providers';
import { SignInForm } from '../src/app/signin/sign-in-form';
import { fakeApi } from './fake-api';

const router = { replace: vi.fn(), refresh: vi.fn(), push: vi.fn() };
vi.mock('next/navigation', () => ({ useRouter: () => router, usePathname: () => '/signin' }));

function fill(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  beforeEach(() => vi.clearAllMocks());

  it('renders labelled email and password fields and a submit button', () => {
    const { client } = fakeApi(() => ({ data: null }));
    render(
      <Providers client={client}>
        <SignInForm />
      </Providers>,
    );
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('type')).toBe('email');
    expect(screen.getByLabelText('Password').getAttribute('type')).toBe('password');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the API error message when sign-in fails', async () => {
    const { client, calls } = fakeApi(() => ({ error: { message: 'Email or password is incorrect.', code: 'UNAUTHORIZED', httpStatus: 401 } }));
    render(
      <Providers client={client}>
        <SignInForm />
      </Providers>,
    );
    fill(' admin@example.com ', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('Email or password is incorrect.');
    expect(calls).toEqual([{ path: 'auth.signIn', input: { email: 'admin@example.com', password: 'wrong' } }]);
    expect(router.replace).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('goes to /companies when sign-in succeeds', async () => {
    const { client } = fakeApi(() => ({ data: { email: 'admin@example.com' } }));
    render(
      <Providers client={client}>
        <SignInForm />
      </Providers>,
    );
    fill('admin@example.com', 'right');
    await waitFor(() => expect(router.replace).toHaveBeenCalledWith('/companies'));
    expect(router.refresh).toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
